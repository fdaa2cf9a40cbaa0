// The SurveyJS side of the first-question bench: SurveyJS 3 on React 19 (the real one, not the check's renderer),
// as its documentation sets it up, with the survey JSON generated from our rules (bench/surveyjs/survey-json.ts).
// The fontless stylesheet: the default one loads Open Sans from Google's servers, which the bench cannot reach and
// the check does not do either.
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import json from 'virtual:backcheck-surveyjs';

const model = new Model(json);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Survey model={model} />);
