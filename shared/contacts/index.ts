export { MAX_CELL_LENGTH, formatPhone, normalisePhoneCell, type InvalidReason, type PhoneCandidate, type PhoneCell, type PhoneStatus } from './phone.js';
export { normaliseEmailCell, type EmailCell, type EmailStatus } from './email.js';
