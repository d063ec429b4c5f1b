/** The log the server anchors the audit trail on (审计日志锚定): its verify also checks the audit rows. */
export const AUDIT_LOG = 'audit';
