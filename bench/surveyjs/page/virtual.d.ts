declare module 'virtual:backcheck-surveyjs' {
  const json: import('../survey-json.ts').SurveyJson;
  export default json;
}
