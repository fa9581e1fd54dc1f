// The declarations' shapes come from the server's schemas (packages/contracts).
export type {
  Answers,
  Declaration,
  DeclarationKind,
  DeclarationWarning,
  Question,
  QuestionSet,
  QuestionType,
  SubmitResult,
} from '@phongdich/contracts/declarations';
