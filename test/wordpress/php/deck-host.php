<?php
/*
 * Plugin Name: deckmark e2e: the test's deck host
 * Description: Lets WordPress fetch the test's deck server for oEmbed discovery. Nothing else.
 *
 * Why: the test serves the deck on DECK_HOST:DECK_PORT, a loopback address on a random port.
 * WordPress's wp_http_validate_url() refuses loopback and private addresses for discovery and
 * fetches only ports 80, 443 and 8080; a real deck on a public https host passes both checks
 * untouched. This allows exactly that one host and port, as if it were such a public host.
 */
const DECKMARK_E2E_DECK_HOST = '%DECK_HOST%';
const DECKMARK_E2E_DECK_PORT = %DECK_PORT%;

add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return $external || DECKMARK_E2E_DECK_HOST === $host;
	},
	10,
	2
);

add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		if ( DECKMARK_E2E_DECK_HOST === $host ) {
			$ports[] = DECKMARK_E2E_DECK_PORT;
		}
		return $ports;
	},
	10,
	2
);
