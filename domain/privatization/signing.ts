/**
 * What gets signed: the canonical JSON (domain/shared/signature-verifier.ts `canonicalJson`) of each signed
 * document. Signers (the portal, the provider's EDS client, test fixtures) build the same payload with these
 * functions and sign it; the decider verifies through `context.signatures` and records the signature data.
 */
import type { PrivatizationForm, RefusalGround } from '../../contracts/privatization';
import type { DecisionContext, SignatureData } from '../shared/decider';
import { InvalidCommand, RuleViolation } from '../shared/errors';
import { canonicalJson } from '../shared/signature-verifier';

export interface ApplicationTerms {
  applicantIin: string;
  dwellingAddress: string;
  form: PrivatizationForm;
}

/** An adult family member's consent to privatization on the terms applied for (Annex 1 item 8.1, Annex 2/3). */
export const consentPayload = (terms: ApplicationTerms, memberIin: string): string =>
  canonicalJson({ type: 'privatization-consent', memberIin, ...terms });

/** The applicant's application (Annex 2/3). */
export const applicationPayload = (terms: ApplicationTerms & { providerId: string; track: string }): string =>
  canonicalJson({ type: 'privatization-application', ...terms });

/** The housing commission's decision to privatize, signed by the provider's head (Rules §9.1 stage 2). */
export const decisionPayload = (d: {
  caseId: string;
  decisionNumber: string;
  applicantIin: string;
  dwellingAddress: string;
}) => canonicalJson({ type: 'privatization-decision', ...d });

/** The reasoned refusal (Rules §10, Annex 1 item 9). */
export const reasonedRefusalPayload = (r: { caseId: string; grounds: readonly RefusalGround[]; reasoning: string }) =>
  canonicalJson({ type: 'reasoned-refusal', caseId: r.caseId, grounds: [...r.grounds].sort(), reasoning: r.reasoning });

/** The result sent to the personal cabinet as an e-document signed by the provider's head (Rules §7). */
export const resultPayload = (r: {
  caseId: string;
  resultKind: 'privatization-contract' | 'reasoned-refusal';
  reference: string;
}) => canonicalJson({ type: 'privatization-result', ...r });

/** Verifies a signature or throws RuleViolation citing the rule that requires it. */
export function verifySignature(
  ctx: DecisionContext,
  payload: string,
  signature: SignatureData,
  rule: string,
  what: string,
  path: string,
): void {
  if (Date.parse(signature.signedAt) > Date.parse(ctx.now)) {
    throw new InvalidCommand(`${what}: signed in the future (${signature.signedAt})`, 'signature-in-future', [
      { path: `${path}/signedAt`, message: `after ${ctx.now}` },
    ]);
  }
  const result = ctx.signatures.verify({ payload, signature });
  if (!result.valid) {
    throw new RuleViolation(
      `${what}: the EDS is not valid (${result.reason ?? 'rejected'})`,
      rule,
      'invalid-signature',
      {
        signer: signature.signer,
        certificateSerial: signature.certificateSerial,
        reason: result.reason,
        path,
      },
    );
  }
}
