// The identity domain's public server API.
export { signUp, signUpProvider, slugify, type SignUpResult } from './sign-up';
export { verifyEmail } from './verify-email';
export { requestPasswordReset } from './request-password-reset';
export { resetPassword } from './reset-password';
export { changePassword } from './change-password';
export { signOutEverywhere } from './sign-out-everywhere';
export { disableUser, enableUser } from './disable-user';
export { grantRole, revokeRole } from './grant-role';
export { verifyCredentials, type CredentialsOutcome } from './verify-credentials';
export { resolveActor, listUsersWithRoles, listOrganisations, listOrgMembers, findUserByEmail, type UserWithRoles, type OrgMember } from './queries';
export { hashPassword } from './password';
