/**
 * playwright-core's declarations name a few DOM types. The e2e tests are type-checked without
 * the DOM lib (they import server code typed against @types/google-apps-script, whose global
 * MimeType clashes with DOM's), so these opaque stand-ins satisfy them.
 */
interface Node {}
interface HTMLElement {}
interface SVGElement {}
interface HTMLElementTagNameMap {}
