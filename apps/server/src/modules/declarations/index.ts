/**
 * Public surface of the declarations module: the only file other modules (and app.ts) may import.
 * Health declarations: questions, submissions, holds and retention. Owns tables: declarations, declaration_holds, declarations_held, question_sets.
 */
export { declarationsRoutes } from './declarations.routes';
export { declarationStatusSource } from './declarations.status';
export { declarationsOfPerson } from './declarations.of-person';
export { validateAnswers, normalizeAnswers, type QuestionSet, type Question } from './declarations.questions';
export { provinceCodes } from './declarations.repository';
