export {
  cleanForApply,
  looksLikeClusterOutput,
  LAST_APPLIED_ANNOTATION,
  SERVER_METADATA_FIELDS,
} from './clean';
export { exportSelected, splitResources, type ExportFile } from './split';
export { joinDocuments } from './pieces';
export { buildZip } from './zip';
