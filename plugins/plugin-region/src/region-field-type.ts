import { regionCodePattern } from './china-regions';
import { regionFieldTypeWith } from './region-field-shape';

/** `region:cn` on the server: only codes in the shipped data validate. */
export const regionFieldType = regionFieldTypeWith(regionCodePattern);
