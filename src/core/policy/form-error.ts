import { durationError } from './duration';

/** A problem with one form field; `path` names the field like `outlierDetection.interval`. */
export interface FormError {
  path: string;
  message: string;
}

/** Collects form errors; each check adds at most one error for its field. */
export class FormErrors {
  readonly list: FormError[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  duration(path: string, value: string | undefined, minMs = 1): void {
    const err = value === undefined ? undefined : durationError(value, minMs);
    if (err) this.add(path, err);
  }

  range(path: string, value: number | undefined, min: number, max: number, integer = true): void {
    if (value === undefined) return;
    if ((integer && !Number.isInteger(value)) || value < min || value > max)
      this.add(
        path,
        `${value} is out of range: use ${integer ? 'a whole number ' : ''}from ${min} to ${max}.`,
      );
  }
}
