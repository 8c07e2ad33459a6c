/**
 * What the ticket tests expect the form to receive: the spec's confirmation text, written out here
 * independently of lib/ticket so that a change of the template shows up as a failing test.
 */
export const NAME = 'Max Beispiel';
export const BODY = (name: string) =>
  [
    'Liebes OTTO Team,',
    '',
    'ich würde gerne mit meinen Produkten live gehen und bestätige hiermit, dass ich die PDF-Datei "Shipment Request" gelesen und den Bestellprozess verstanden habe.',
    '',
    'Liebe Grüße',
    name,
  ].join('\n');
export const SUBJECT = 'Bestätigung für den Livegang';
