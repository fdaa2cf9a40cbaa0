// The names this check gives its FHIR things: plain URNs under one base, since the check has no web address of its
// own that a record system could resolve (a clinic hosts it wherever it likes). docs/embedding.md, section 7.
export const BACKCHECK_BASE = 'urn:backcheck';

/** The identifier system of the responses this check shares: the value is a random UUID made on the device. */
export const RESPONSE_ID_SYSTEM = `${BACKCHECK_BASE}:questionnaire-response`;

/**
 * The extension on a follow-up's QuestionnaireResponse that points at the earlier check's response, by its
 * identifier. R4's own elements do not fit: `basedOn` takes a CarePlan or ServiceRequest, `partOf` an Observation or
 * Procedure, and the core `workflow-supportingInfo` extension is not allowed on a QuestionnaireResponse.
 */
export const FOLLOW_UP_OF_EXTENSION = `${BACKCHECK_BASE}:fhir:extension:follow-up-of`;
