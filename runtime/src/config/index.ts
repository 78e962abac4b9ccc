export { CONFIG_VARS, LOG_LEVELS, type TesseraConfig, type ConfigName } from './config-vars';
export { readConfig, config, ConfigError } from './read-config';
export { configReference } from './config-reference';
