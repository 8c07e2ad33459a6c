import type { FreightEvidence } from '../../contact/freight';
import { selectorOf, walkText } from './walk';

/** Labels of carrier fields ("Versanddienstleister: DACHSER", "Carrier"). */
const CARRIER_LABEL =
  /^(?:versanddienstleister|versanddienst|paketdienst(?:leister)?|zusteller|spediteur|transporteur|logistikdienstleister|dienstleister|carrier|shipping\s+(?:carrier|provider|company|service)|delivery\s+(?:carrier|service)|forwarder)\s*:?\s*/i;

/**
 * What the page says about how an order ships: values of carrier fields and the order's text
 * outside the address blocks (delivery type, shipment info, item lines). Address text is buyer
 * data and never counts: a buyer called "Spedition Koch GmbH" does not make a parcel order freight.
 */
export function freightEvidence(scope: Element): FreightEvidence {
  const carriers: string[] = [];
  const texts: string[] = [];
  let pendingLabel = false;
  let budget = 20_000;
  walkText(
    scope,
    (node) => {
      const text = node.data.replace(/\s+/g, ' ').trim();
      if (!text || budget <= 0) return;
      budget -= text.length;
      texts.push(text.slice(0, 500));
      if (pendingLabel) {
        carriers.push(text.slice(0, 80));
        pendingLabel = false;
      }
      const m = CARRIER_LABEL.exec(text);
      if (m) {
        const rest = text.slice(m[0].length).trim();
        if (rest) carriers.push(rest.slice(0, 80));
        else pendingLabel = true;
      }
    },
    { skip: selectorOf('orderAddressBlocks') },
  );
  return { carriers, texts: [texts.join(' \n ')] };
}
