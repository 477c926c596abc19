"""Our HubSpot Conversations client, sharing the import name ``hubspot`` with the official SDK.

The official SDK (hubspot-api-client) installs a top-level package also called ``hubspot``.
The product layout asks for our code in ``hubspot/`` too, so this package extends its search
path with the SDK's directory: ``hubspot.hubspot``, ``hubspot.crm``, ``hubspot.exceptions``
and the rest of the SDK stay importable, next to our modules. Our module names must never
collide with the SDK's (automation, client, cms, communication_preferences, conversations,
crm, discovery, events, exceptions, files, hubspot, marketing, oauth, settings, utils,
webhooks); tests/test_hubspot_namespace.py checks that.
"""

import pkgutil

__path__ = pkgutil.extend_path(__path__, __name__)
