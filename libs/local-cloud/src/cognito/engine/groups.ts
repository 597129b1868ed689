import type { CognitoEngine } from './cognito-engine';
import { userType } from './admin-users';
import type { Group } from './user-pool';

/** A group as the API returns it (GroupType). */
export function groupType(userPoolId: string, group: Group) {
  return {
    GroupName: group.groupName,
    UserPoolId: userPoolId,
    ...(group.description !== undefined && { Description: group.description }),
    ...(group.precedence !== undefined && { Precedence: group.precedence }),
    ...(group.roleArn !== undefined && { RoleArn: group.roleArn }),
    CreationDate: group.createdAt,
    LastModifiedDate: group.createdAt,
  };
}

/**
 * AdminAddUserToGroup: the user's next tokens carry the group in `cognito:groups`.
 *
 * @example
 * adminAddUserToGroup(engine, { UserPoolId, Username: 'ana', GroupName: 'admins' });
 */
export function adminAddUserToGroup(engine: CognitoEngine, req: { UserPoolId: string; Username: string; GroupName: string }) {
  const pool = engine.pool(req.UserPoolId);
  const group = pool.group(req.GroupName);
  pool.users.get(req.Username).groups.add(group.groupName);
  return {};
}

export function adminRemoveUserFromGroup(engine: CognitoEngine, req: { UserPoolId: string; Username: string; GroupName: string }) {
  const pool = engine.pool(req.UserPoolId);
  const group = pool.group(req.GroupName);
  pool.users.get(req.Username).groups.delete(group.groupName);
  return {};
}

export function adminListGroupsForUser(engine: CognitoEngine, req: { UserPoolId: string; Username: string }) {
  const pool = engine.pool(req.UserPoolId);
  return { Groups: pool.groupsOf(pool.users.get(req.Username)).map((group) => groupType(pool.id, group)) };
}

export function listUsersInGroup(engine: CognitoEngine, req: { UserPoolId: string; GroupName: string }) {
  const pool = engine.pool(req.UserPoolId);
  const group = pool.group(req.GroupName);
  return { Users: pool.users.list().filter((user) => user.groups.has(group.groupName)).map((user) => userType(user)) };
}

export function createGroup(engine: CognitoEngine, req: { UserPoolId: string; GroupName: string; Description?: string; Precedence?: number; RoleArn?: string }) {
  const pool = engine.pool(req.UserPoolId);
  const group = pool.addGroup({ groupName: req.GroupName, description: req.Description, precedence: req.Precedence, roleArn: req.RoleArn });
  return { Group: groupType(pool.id, group) };
}

export function getGroup(engine: CognitoEngine, req: { UserPoolId: string; GroupName: string }) {
  const pool = engine.pool(req.UserPoolId);
  return { Group: groupType(pool.id, pool.group(req.GroupName)) };
}

export function listGroups(engine: CognitoEngine, req: { UserPoolId: string }) {
  const pool = engine.pool(req.UserPoolId);
  return { Groups: pool.listGroups().map((group) => groupType(pool.id, group)) };
}
