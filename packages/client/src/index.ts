export * from './webhook-signature.js';
export { OppvekstClient, operationUrl, type Answer, type Input, type Output } from './client.js';
export { EtagCache } from './etag-cache.js';
export * from './errors.js';
export { FROM_THE_BEGINNING, MeasureFeed, MeasureMirror, type FeedQuery, type MirrorStore, type SyncResult } from './feed.js';
export { OPERATIONS, type OperationId, type Operations } from './operations.js';
export { type ClientCredentials, ClientCredentialsTokens, type TokenSourceOptions } from './token.js';
export { Transport, type RawRequest, type RawResponse, type TransportOptions } from './transport.js';
