// Every word the UI itself shows, in English. The clinical words (questions, advice, results) come from the rules
// file instead. Other catalogues are typed against this one, so a missing or extra key is a type error.
import type { Urgency } from '../rules/schema.ts';

export interface PluralWords {
  one: string;
  other: string;
}

export const en = {
  languageName: 'English',
  languageSwitchLabel: 'Language',

  // Intro
  introLead: 'Answer a few short questions about the back pain you have after a workout.',
  // The minutes are worked out from the rules at build time (src/engine/burden.ts), never written by hand.
  introTime: (low: string, high: string) =>
    low === high ? `It usually takes about ${high} minutes.` : `It usually takes ${low} to ${high} minutes.`,
  introFirst: 'We ask about warning signs first. If one needs help straight away, we tell you at once.',
  introPrivacy: 'Your answers stay on this device. Nothing is sent anywhere.',
  introNotDiagnosis: 'This check is not a diagnosis. It helps you decide what to do next.',
  introEmergency: 'If you feel very unwell now, call your local emergency number instead.',
  loadFailed: 'This self-check could not load. Please try again later.',
  start: 'Start',

  // Resume
  resumeTitle: 'Continue where you left off?',
  resumeSaved: (date: string) => `You started this check on ${date}.`,
  resumeAnswered: { one: 'You have answered # question so far.', other: 'You have answered # questions so far.' },
  resumeContinue: 'Continue where you left off',
  resumeStartAgain: 'Start again',
  discardedOtherRules: 'The questions have changed since you last used this check, so we could not use your saved answers. You can start again.',
  discardedExpired: 'Your saved answers were more than a day old, so we removed them. You can start again.',
  discardedCorrupted: 'We could not read your saved answers, so we removed them. You can start again.',
  cleared: 'Your answers have been cleared from this device.',

  // Question screen
  progress: (part: string, parts: string) => `Part ${part} of ${parts}`,
  changingAnswer: 'Changing your answer',
  back: 'Back',
  continue: 'Continue',
  or: 'or',
  whyWeAsk: 'Why we ask',
  whatWeMean: 'What we mean',
  scaleEnds: (min: string, minLabel: string, max: string, maxLabel: string) =>
    `${min} means ${minLabel}. ${max} means ${maxLabel}.`,
  errorSummaryTitle: 'There is a problem',
  errorChooseOne: 'Choose an answer',
  errorChooseAny: 'Choose at least one answer, or "None of these"',
  errorChooseNumber: (min: string, max: string) => `Choose a number from ${min} to ${max}`,
  errorTickOne: 'Tick at least one, or "None of these"',
  errorFor: (label: string, message: string) => `${label}: ${message}`,
  tickAll: 'Tick all that apply.',
  anyOfThese: 'Do you have any of these?',
  whichTitle: 'Which of these apply to you?',
  groupNotSureHint: "Not sure? We'll show each one in full, with how to check it, and ask again.",
  whichNone: 'None of these, now I have read what counts',
  unsureTitle: 'Check each one',
  unsureLead: 'Read each one in full and check it if you can, then answer. Still not sure? Say so.',
  howToCheck: 'How to check:',
  confirmTitle: 'Check what you ticked',
  errorPrefix: 'Error:',

  // Review
  reviewTitle: 'Check your answers',
  reviewLead: 'Make sure these are right before you see your result.',
  reviewAnswered: { one: 'You answered # question.', other: 'You answered # questions.' },
  reviewNoneOfThese: 'None of these',
  reviewYesTo: (items: string) => `Yes: ${items}`,
  reviewNotSureAbout: (items: string) => `Not sure: ${items}`,
  change: 'Change',
  seeResult: 'See my result',

  // Result
  urgencyLabel: {
    emergency: 'Emergency',
    urgent: 'Urgent',
    consult: 'See a professional soon',
    'self-care': 'Self-care',
  } satisfies Record<Urgency, string>,
  urgencyPrefix: 'Result:',
  redFlagsTitle: 'Why we say this',
  causesTitle: 'What may be adding to your pain',
  causesNote: 'These are common reasons, not a diagnosis.',
  causesNone: 'None of the common causes we check for stood out from your answers.',
  likelihood: { likely: 'More likely', possible: 'Possible', unlikely: 'Less likely' },
  adviceTitle: 'What you can do',
  becauseTitle: 'Because you answered:',
  consultTitle: 'When to see a professional',
  clinicTitle: (name: string) => `Your clinic: ${name}`,
  clinicTitleNoName: 'Your clinic',
  clinicBook: 'Book an appointment',
  clinicContact: 'Contact the clinic',
  clinicCall: (phone: string) => `Call ${phone}`,
  callEmergency: (number: string) => `Call ${number} now`,
  summaryTitle: 'Take this summary with you',
  print: 'Print or save this summary',
  copy: 'Copy as text',
  copied: 'Summary copied. You can paste it into a message or a note.',
  copyFailed: 'Copying did not work on this device. Select the text below and copy it yourself.',
  copyFallbackLabel: 'Your summary as text',
  startAgain: 'Start again',
  clearAnswers: 'Clear my answers',
  summaryHeading: 'Back pain self-check summary',
  summaryDate: (date: string) => `Date: ${date}`,
  summaryVersion: (title: string, version: string, signedOffOn: string | null) =>
    `Rules: ${title}, version ${version}, ${signedOffOn ? `signed off by a clinician on ${signedOffOn}` : 'not yet signed off by a clinician'}`,
  summaryUrgency: (label: string, title: string) => `Result: ${label}. ${title}`,
  summaryAnswers: 'Your answers',
  summaryCause: (title: string, likelihood: string) => `${title} (${likelihood})`,
} satisfies Record<string, unknown>;

export type Messages = typeof en;
