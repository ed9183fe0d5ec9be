<?php
// Router for `php -S`: Debian's wp-config.php picks /etc/wordpress/config-$WORDPRESS_CONFIG.php
// (what Apache's `SetEnv WORDPRESS_CONFIG` does); php -S has no SetEnv, so pass it on here.
// Then php -S serves the request as usual (files as they are, everything else to index.php).
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
return false;
