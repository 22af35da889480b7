import { ROLE_LABELS, type PersonView } from '../../../../shared/members/contract';

/** A person's roles as the office says them: 干部、股室负责人. */
export const rolesText = (p: Pick<PersonView, 'roles'>) => p.roles.map((r) => ROLE_LABELS[r]).join('、');
