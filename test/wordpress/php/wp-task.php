<?php
// What the test does inside WordPress, run with php-cli: `php wp-task.php install|publish|oembed-proxy`.
// Input is JSON on stdin, output JSON on stdout. WORDPRESS_CONFIG names Debian's config file and
// WP_TEST_HOST is the blog's host:port (wp-config.php reads it from HTTP_HOST).
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
$_SERVER['HTTP_HOST']        = getenv( 'WP_TEST_HOST' );
$_SERVER['REQUEST_URI']      = '/';
$task                        = $argv[1] ?? '';
$input                       = json_decode( stream_get_contents( STDIN ), true );

if ( 'install' === $task ) {
	define( 'WP_INSTALLING', true );
}
require getenv( 'WORDPRESS_ROOT' ) . '/wp-load.php';

function deckmark_e2e_fail( $message ) {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

function deckmark_e2e_become( $login ) {
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		deckmark_e2e_fail( "no user $login" );
	}
	// Fires set_current_user, so kses_init() applies this user's filters (unfiltered_html or not).
	wp_set_current_user( $user->ID );
	return $user;
}

switch ( $task ) {
	// The web installer's wp_install(): the first user is the Administrator. Then the other users.
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$admin  = $input['admin'];
		$result = wp_install( $input['title'], $admin['login'], $admin['email'], false, '', $admin['password'] );
		foreach ( $input['users'] as $user ) {
			$id = wp_insert_user(
				array(
					'user_login' => $user['login'],
					'user_pass'  => $user['password'],
					'user_email' => $user['email'],
					'role'       => $user['role'],
				)
			);
			if ( is_wp_error( $id ) ) {
				deckmark_e2e_fail( $id->get_error_message() );
			}
		}
		$unfiltered_html = array();
		foreach ( array_merge( array( $admin['login'] ), array_column( $input['users'], 'login' ) ) as $login ) {
			$unfiltered_html[ $login ] = user_can( get_user_by( 'login', $login ), 'unfiltered_html' );
		}
		echo wp_json_encode(
			array(
				'theme'          => get_stylesheet(),
				'permalinks'     => get_option( 'permalink_structure' ),
				'version'        => get_bloginfo( 'version' ),
				'unfilteredHtml' => $unfiltered_html,
			)
		);
		break;

	// What the block editor asks when a URL is pasted into an Embed block (its preview).
	case 'oembed-proxy':
		deckmark_e2e_become( $input['login'] );
		$request = new WP_REST_Request( 'GET', '/oembed/1.0/proxy' );
		$request->set_query_params( array( 'url' => $input['url'] ) );
		$response = rest_do_request( $request );
		echo wp_json_encode( array( 'status' => $response->get_status(), 'data' => $response->get_data() ) );
		break;

	// Publishes posts as their authors, as the editor's save does (wp_insert_post under that user).
	case 'publish':
		$posts = array();
		foreach ( $input as $post ) {
			$user = deckmark_e2e_become( $post['login'] );
			$id   = wp_insert_post(
				wp_slash(
					array(
						'post_title'   => $post['title'],
						'post_content' => $post['content'],
						'post_status'  => 'publish',
						'post_author'  => $user->ID,
					)
				),
				true
			);
			if ( is_wp_error( $id ) ) {
				deckmark_e2e_fail( $id->get_error_message() );
			}
			$posts[] = array(
				'id'      => $id,
				'url'     => get_permalink( $id ),
				'content' => get_post_field( 'post_content', $id, 'raw' ),
			);
		}
		echo wp_json_encode( $posts );
		break;

	default:
		deckmark_e2e_fail( "unknown task $task" );
}
