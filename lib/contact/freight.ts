/**
 * Is an order delivered by a freight forwarder (Spedition)? Decided from its carrier (OTTO's
 * carrier list: everything but the parcel carriers is a forwarder) or from wording on the page.
 * Pure functions.
 */

/** Parcel carriers OTTO allows; every other carrier of OTTO's list is a freight forwarder. */
export const PARCEL_CARRIERS = ['HERMES', 'DHL', 'DHL_EXPRESS', 'GLS', 'DPD', 'UPS'] as const;

/** OTTO's forwarders (API carrier ids). */
export const FORWARDERS = [
  'DACHSER', 'DB_SCHENKER', 'DHL_FREIGHT', 'KUEHNE_NAGEL', 'RHENUS', 'HELLMANN', 'GEIS', 'KOCH', 'LOGWIN',
  'RABEN_LOGISTIK', 'SCHOCKEMOEHLE', 'HES', 'IDS', 'EMONS', 'BURSPED', 'CARGOLINE', 'DSV', 'EPH_DIREKT', 'GEL',
  'GUETTLER', 'HEUEL', 'MEYER_JUMBO', 'REIMER', 'REITHMEIER', 'SCHMIDT_GEVELSBERG', 'ZUFALL', 'BTW',
  'DHL_HOME_DELIVERY', 'OTHER_FORWARDER',
] as const;

/** Display spellings that differ from the id once normalised. */
const FORWARDER_ALIASES: Record<string, string> = {
  SCHENKER: 'DB_SCHENKER',
  DBSCHENKER: 'DB_SCHENKER',
  KUHNE_NAGEL: 'KUEHNE_NAGEL',
  RABEN: 'RABEN_LOGISTIK',
  RABEN_GROUP: 'RABEN_LOGISTIK',
  EPH: 'EPH_DIREKT',
  MEYER_JUMBO_LOGISTIK: 'MEYER_JUMBO',
  DACHSER_SE: 'DACHSER',
  HELLMANN_WORLDWIDE_LOGISTICS: 'HELLMANN',
  DSV_ROAD: 'DSV',
  GEL_EXPRESS: 'GEL',
  SONSTIGE_SPEDITION: 'OTHER_FORWARDER',
  ANDERE_SPEDITION: 'OTHER_FORWARDER',
};

/** Trailing words of company names ("DACHSER SE", "IDS Logistik GmbH"). */
const COMPANY_SUFFIX = /(?:_(?:GMBH|AG|SE|KG|CO|UND|LOGISTIK|LOGISTICS|INTERNATIONAL|GROUP|EXPRESS|DEUTSCHLAND))+$/;

/** Upper case, umlauts spelled out, everything but letters and digits → `_`, legal forms dropped. */
export function normalizeCarrier(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/Ä/g, 'AE')
    .replace(/Ö/g, 'OE')
    .replace(/Ü/g, 'UE')
    .replace(/ẞ|ß/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_(GMBH|AG|SE|KG|CO_KG|GMBH_CO_KG|LOGISTICS|LOGISTIK_GMBH)$/, '')
    .replace(/^KUEHNE_NAGEL.*$/, 'KUEHNE_NAGEL');
}

/** The forwarder id for a carrier field's value, or `null` (parcel carriers, unknown values). */
export function forwarderOf(carrier: string | null | undefined): string | null {
  if (!carrier || carrier.length > 80) return null;
  const full = normalizeCarrier(carrier);
  for (const id of [full, full.replace(COMPANY_SUFFIX, '')]) {
    if (!id) continue;
    if ((PARCEL_CARRIERS as readonly string[]).includes(id)) return null;
    if ((FORWARDERS as readonly string[]).includes(id)) return id;
    if (FORWARDER_ALIASES[id]) return FORWARDER_ALIASES[id]!;
  }
  return null;
}

export const isParcelCarrier = (carrier: string) => {
  const id = normalizeCarrier(carrier);
  return (PARCEL_CARRIERS as readonly string[]).includes(id) || (PARCEL_CARRIERS as readonly string[]).includes(id.replace(COMPANY_SUFFIX, ''));
};

/**
 * Freight wording in German or English. Word starts matter: "Expedition" is not "Spedition".
 * OTTO's delivery types appear as ids too (FORWARDER_CURBSIDE, …).
 */
const FREIGHT_WORDING = [
  /(?<![\p{L}])speditions?(?:versand|lieferung|zustellung|ware|artikel|auftrag)?(?![\p{L}])/iu,
  /(?<![\p{L}])speditionsversand/iu,
  /(?<![\p{L}])wunschort(?:zustellung|lieferung)?(?![\p{L}])/iu,
  /(?<![\p{L}])grundst(?:ü|ue)cksgrenze(?![\p{L}])/iu,
  /(?<![\p{L}])freight(?![\p{L}])/iu,
  /(?<![\p{L}])(?:freight\s+)?forward(?:er|ing)(?:\s+agent)?(?![\p{L}])/iu,
  /(?<![\p{L}])haulier(?![\p{L}])/iu,
  /\bFORWARDER_(?:PREFERREDLOCATION|CURBSIDE|HEAVYDUTY)\b/,
];

/** Forwarder names distinctive enough to count in running text (short or common names only in a carrier field). */
const DISTINCTIVE_FORWARDERS =
  /(?<![\p{L}])(?:dachser|db[\s_-]?schenker|k(?:ü|ue|u)hne\s*(?:\+|&|und|_)?\s*nagel|rhenus|logwin|schockem(?:ö|oe)hle|bursped|cargoline|meyer[\s_-]jumbo|reithmeier|schmidt[\s_-]gevelsberg|eph[\s_-]direkt|dhl[\s_-]freight|dhl[\s_-]home[\s_-]delivery|raben[\s_-]logisti(?:k|cs)|other[\s_-]forwarder)(?![\p{L}])/iu;

export function hasFreightWording(text: string): boolean {
  if (!text) return false;
  const t = text.slice(0, 20_000);
  return FREIGHT_WORDING.some((r) => r.test(t)) || DISTINCTIVE_FORWARDERS.test(t);
}

export interface FreightEvidence {
  /** Values of carrier fields ("Versanddienstleister: DACHSER"). */
  carriers?: readonly string[];
  /** Order text outside the addresses (delivery type, shipment info, item lines). */
  texts?: readonly string[];
}

export interface FreightVerdict {
  freight: boolean;
  /** What decided: a forwarder carrier, freight wording, or nothing. */
  by: 'carrier' | 'wording' | null;
}

/** Freight when any carrier is a forwarder or any text uses freight wording. */
export function detectFreight({ carriers = [], texts = [] }: FreightEvidence): FreightVerdict {
  if (carriers.some((c) => forwarderOf(c) !== null || hasFreightWording(c))) return { freight: true, by: 'carrier' };
  if (texts.some((t) => hasFreightWording(t))) return { freight: true, by: 'wording' };
  return { freight: false, by: null };
}
