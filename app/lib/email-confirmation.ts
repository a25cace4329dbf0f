/** How long a confirmation link stays valid: the mail, the registration's answer and the resend page all say it. */
export const CONFIRM_HOURS = 24
