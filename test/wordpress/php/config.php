<?php
// Debian's per-site WordPress config (/etc/wordpress/config-NAME.php), written by the test for its
// own database, content folder and address. Placeholders are filled in by harness/wordpress.ts.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '%DB_HOST%' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '%SITE_URL%' );
define( 'WP_SITEURL', '%SITE_URL%' );
// Debian keeps wp-content outside the code (/var/lib/wordpress/wp-content); the test has its own.
define( 'WP_CONTENT_DIR', '%CONTENT_DIR%' );
define( 'AUTH_KEY', '%SALT%a' );
define( 'SECURE_AUTH_KEY', '%SALT%b' );
define( 'LOGGED_IN_KEY', '%SALT%c' );
define( 'NONCE_KEY', '%SALT%d' );
define( 'AUTH_SALT', '%SALT%e' );
define( 'SECURE_AUTH_SALT', '%SALT%f' );
define( 'LOGGED_IN_SALT', '%SALT%g' );
define( 'NONCE_SALT', '%SALT%h' );
// No cron requests fired at the end of page views: they would run while the test measures.
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '%CONTENT_DIR%/debug.log' );
