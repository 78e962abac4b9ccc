// One home: a LocalizedText's lookup lives with the type (metadata's light `i18n` entry, which the web shell loads alone).
export { localize } from '@tessera/metadata/i18n';
