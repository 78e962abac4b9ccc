/** The version plugins' `tessera` ranges are checked against; kept equal to the packages' version. */
export const TESSERA_VERSION = '0.1.0';
