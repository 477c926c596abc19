"""The Azure Functions app: thin on purpose. Each area registers its own blueprint."""

import azure.durable_functions as df
import azure.functions as func

from triggers import http_api

app = df.DFApp(http_auth_level=func.AuthLevel.FUNCTION)

for blueprint in (http_api.bp,):
    app.register_functions(blueprint)
