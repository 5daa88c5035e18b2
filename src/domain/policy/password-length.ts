// NIST SP 800-63B §5.1.1.2: at least 12 characters (the project's choice above the minimum of
// 8), at most 1024 (far above the 64 to allow), any characters. The rest of the password rule
// (common and breached passwords) is src/services/password-policy.ts; these bounds are here so
// the web app's form and the API schema can share them.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
