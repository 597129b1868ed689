export { ImagesCdn, ImagesCdnPlacementError, type ImagesCdnProps } from './images-cdn';
export {
  openNextAppDir,
  STOREFRONT_APP_DIR,
  STOREFRONT_BUILD_COMMAND,
  StorefrontBuildMissingError,
} from './storefront-build';
export { StorefrontStack, type StorefrontStackProps } from './storefront-stack';
