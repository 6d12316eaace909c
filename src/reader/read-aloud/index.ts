/** Reading the article aloud (issue 19): sentences mapped to the DOM, voices for the language, the controller. */
export { splitSentences, sentenceEnds, sentenceRange, type Sentence, type TextPoint } from './sentences';
export { voicesFor, readTag, type VoiceLike } from './voices';
export { speakingMs, utterancePieces, UTTERANCE_SECONDS } from './utterances';
export {
  createReadAloud,
  type ReadAloud,
  type ReadAloudOptions,
  type ReadAloudState,
  type SynthLike,
  type Timers,
  type UtteranceLike,
} from './controller';
export { sentenceHighlighter, keepInView, HIGHLIGHT_NAME, READING_ATTR, type HighlightWindow, type SentenceHighlighter } from './highlight';
