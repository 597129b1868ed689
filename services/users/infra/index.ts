export { UsersData, type UsersDataProps } from './users-data';
export { ADMIN_GROUP, USERS_EVENT_SOURCE, UsersIdentity, type UsersIdentityProps } from './users-identity';
export { UsersService, type UsersServiceProps } from './users-service';
export { USERS_ROUTES, type RouteHandler } from './users-routes';
export { PROFILE_ACTIONS, grantProfileAccess } from './function-access';
