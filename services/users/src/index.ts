// What other code may use from the users service: its domain types and rules (pure TypeScript), the error
// codes it answers with, and the ports. Handlers are Lambda entry points, bundled from their files.
export * from './domain/errors';
export {
  announcementOf,
  changeProfile,
  newProfile,
  type Announcement,
  type Identity,
  type Profile,
  type ProfileChanges,
} from './domain/profile';
export type { ProfileRepository, UserDirectory, UserEvents } from './ports';
