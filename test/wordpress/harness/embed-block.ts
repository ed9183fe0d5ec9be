// The Embed block as WordPress 6.1's block editor saves it after a deck URL is pasted, computed
// from the editor's own preview (the /oembed/1.0/proxy answer) with the editor's rules
// (wp-includes/js/dist/block-library.js):
// - getAttributesFromPreview(): type = 'wp-embed' when the preview html carries
//   class="wp-embedded-content" (isFromWordPress: every html that went through
//   wp_filter_oembed_result()), providerNameSlug = kebabCase(provider_name.toLowerCase());
// - createUpgradedEmbedBlock() then turns it into the "WordPress" variation, whose
//   attributes set no `responsive`, so getClassNames() adds no wp-embed-aspect-* class
//   (only provider variations such as YouTube's set responsive: true);
// - embed save(): a figure with the URL on its own line; serialize() leaves out defaults.

export interface EmbedPreview {
  html?: string;
  type?: string;
  provider_name?: string;
}

/** lodash's kebabCase of an already lower-cased string (as the editor calls it). */
function kebabCase(text: string): string {
  return (text.match(/[a-z]+|[0-9]+/g) ?? []).join('-');
}

/** @wordpress/blocks serializeAttributes(): JSON with `--`, `<`, `>`, `&` and `\"` escaped. */
function serializeAttributes(attributes: object): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

export function embedBlockMarkup(url: string, preview: EmbedPreview): string {
  const type = preview.html?.includes('class="wp-embedded-content"') ? 'wp-embed' : (preview.type ?? 'rich');
  const providerNameSlug = kebabCase((preview.provider_name ?? 'Embed').toLowerCase());
  const figureClass = `wp-block-embed is-type-${type} is-provider-${providerNameSlug} wp-block-embed-${providerNameSlug}`;
  return (
    `<!-- wp:embed ${serializeAttributes({ url, type, providerNameSlug })} -->\n` +
    `<figure class="${figureClass}"><div class="wp-block-embed__wrapper">\n${url}\n</div></figure>\n` +
    `<!-- /wp:embed -->`
  );
}
