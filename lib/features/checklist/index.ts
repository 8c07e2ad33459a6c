import { defineFeature } from '../types';

/** The live-readiness panel next to the product list. */
export const checklist = defineFeature({
  id: 'checklist',
  pages: ['opc-product-overview'],
  anchors: ['productList'],
});
