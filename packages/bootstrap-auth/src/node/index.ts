export { bootstrapCommand, type ClientFactory, createBootstrapCommand } from '../cli/command.js';
export { createNodeClient, type NodeClientOptions, type NodeHttpClient } from './client.js';
