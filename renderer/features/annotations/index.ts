// The annotations feature: highlights in the text, item notes, My notes, orphan review,
// export and import. The rest of the renderer imports only from here.
import './annotations.css';

export { AnnotatedText } from './AnnotatedText';
export { AnnotationCard } from './AnnotationCard';
export { FindToHighlight } from './FindToHighlight';
export { MyNotesView } from './MyNotesView';
export { Toasts } from './Toasts';
export { initAnnotationEvents, openMyNotes } from './store';
