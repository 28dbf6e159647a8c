// Turning a policy form's change into one minimal edit is pure and lives in core (`core/policy/form-commit.ts`).
export { errorsAt, introducedErrors, minimalEdit } from '../../../../core/policy/form-commit';
