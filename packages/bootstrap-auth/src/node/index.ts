export { createNodeClient, type NodeClientOptions, type NodeHttpClient } from './client.js';
