/**
 * Errors a decider throws. The API maps them to problem+json:
 * RuleViolation → 422 (a rule of the regulation is broken; carries the rule and the dates involved),
 * InvalidState → 409 (the command is not allowed in the case's current state; says which stage it needs),
 * InvalidCommand → 400 (input that passed the schema but is impossible, e.g. an IIN with a wrong check digit).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RuleViolation extends DomainError {
  constructor(
    message: string,
    readonly rule: string,
    code: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, code, { rule, ...details });
  }
}

export class InvalidState extends DomainError {}

export class InvalidCommand extends DomainError {
  constructor(
    message: string,
    code: string,
    readonly fields: { path: string; message: string }[],
  ) {
    super(message, code, { fields });
  }
}
