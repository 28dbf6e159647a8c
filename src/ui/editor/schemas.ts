import type { SchemasSettings } from 'monaco-yaml';

/** Schemas for completion and hover; filled from the validation schemas. */
export function yamlSchemas(): SchemasSettings[] {
  return [];
}
