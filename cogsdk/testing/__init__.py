"""Test doubles for apps built on cogsdk (and for cogsdk's own tests).

:class:`FakeGoogle` is a loopback HTTP server that speaks the REST shapes of the five
Google APIs, with scriptable faults. Point a client at it with ``Cog(endpoint=fake.url)``
or the official clients with ``client_options={"api_endpoint": fake.url}``.
"""

from .fake_google import Fault, FakeGoogle

__all__ = ["FakeGoogle", "Fault"]
