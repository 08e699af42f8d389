"""The :class:`Cog` client: settings, routing and the five services."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from ._config import Settings
from ._router import MODES, Router
from .errors import ConfigurationError
from .language.facade import Language
from .speech.facade import Speech
from .translation.facade import TranslationService
from .video.facade import Video
from .vision.facade import Vision

FACADES = {facade.service: facade for facade in (Vision, Speech, Language,
                                                 TranslationService, Video)}


class Cog:
    """One client for vision, speech, language, translation and video.

    Args:
        mode: ``"auto"`` (cloud when credentials are found, else local, with fallback),
            ``"cloud"`` (Google only) or ``"local"`` (bundled models only).
        offline: never open a network connection; implies local models.
        device: ``"auto"``, ``"cpu"`` or ``"cuda"`` for local models.
        project: Google Cloud project id (Translation v3 needs one; else v2 is used).
        api_key: a Google API key (instead of credentials).
        credentials: ``google.auth`` credentials, a service-account JSON path or dict,
            or ``"anonymous"``.
        endpoint: base URL for every Google service (e.g. a local compatible server).
        endpoints: per-service base URLs: keys ``vision``, ``speech``, ``language``,
            ``translate``, ``video``.
        timeout: seconds for one HTTP attempt (default 30).
        deadline: seconds for one call, retries included (default 120).
        max_retries: retries of 429, 5xx and connection errors (default 3).
        routes: per-method backend override: ``{"vision.labels": "local"}`` (a mode:
            ``"auto"``, ``"cloud"``, ``"local"``) or the name of a backend.
        backends: backend instances to use besides (or, by name, instead of) the
            registered ones, e.g. a fake in tests or an in-house model. Each declares its
            ``service``, ``name`` and ``kind``; see :mod:`cogsdk._backend`.
        progress: ``True``/``False`` to force progress bars, or a callable
            ``progress(done, total)``; default shows bars on a terminal for long work.
        breaker_threshold, breaker_cooldown: in ``auto`` mode, after this many consecutive
            cloud failures (default 5) the cloud is skipped for this many seconds
            (default 30), then tried again.

    Unset arguments come from ``COGSDK_MODE``, ``COGSDK_OFFLINE``, ``COGSDK_DEVICE`` and
    ``COGSDK_ENDPOINT``.
    """

    def __init__(self, mode: Optional[str] = None, offline: Optional[bool] = None,
                 device: Optional[str] = None, project: Optional[str] = None,
                 api_key: Optional[str] = None, credentials: Any = None,
                 endpoint: Optional[str] = None,
                 endpoints: Optional[Mapping[str, str]] = None,
                 timeout: Optional[float] = None, *, deadline: Optional[float] = None,
                 max_retries: Optional[int] = None,
                 routes: Optional[Mapping[str, str]] = None, progress: Any = None,
                 breaker_threshold: Optional[int] = None,
                 breaker_cooldown: Optional[float] = None,
                 backends: Iterable[Any] = ()) -> None:
        self.settings = Settings.resolve(
            mode=mode, offline=offline, device=device, project=project, api_key=api_key,
            credentials=credentials, endpoint=endpoint, endpoints=dict(endpoints or {}) or None,
            timeout=timeout, deadline=deadline, max_retries=max_retries,
            routes=dict(routes or {}) or None, progress=progress,
            breaker_threshold=breaker_threshold, breaker_cooldown=breaker_cooldown)
        self._router = Router(self.settings, backends)
        _check_routes(self.settings.routes, self._router)
        self.vision = Vision(self._router)
        self.speech = Speech(self._router)
        self.language = Language(self._router)
        self.translation = TranslationService(self._router)
        self.video = Video(self._router)

    def __repr__(self) -> str:
        s = self.settings
        return (f"Cog(mode={s.mode!r}, offline={s.offline}, device={s.device!r}, "
                f"endpoint={s.endpoint!r})")

    def capabilities(self) -> dict[str, dict[str, Any]]:
        """Which backend serves which method (and languages, pairs, execution provider
        where the backend tells), e.g. ``cog.capabilities()["vision"]["local"]["methods"]``.

        Derived from the registered backends; a backend whose extra is missing is listed
        with ``available: False`` and the install hint.
        """
        from ._capabilities import capabilities

        return capabilities(self._router)

    def close(self) -> None:
        """Release HTTP sessions and model sessions."""
        self._router.close()

    def __enter__(self) -> "Cog":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _check_routes(routes: Mapping[str, str], router: Router) -> None:
    """Refuse a route to an unknown method or backend, naming what is valid."""
    for key, target in routes.items():
        service, _, method = str(key).partition(".")
        facade = FACADES.get(service)
        if facade is None or method not in facade.methods():
            valid = [f"{name}.{m}" for name, f in FACADES.items() for m in f.methods()]
            raise ConfigurationError(f"Unknown method {key!r} in routes; use one of "
                                     f"{', '.join(valid)}.")
        choices = [*MODES, *router.names(service)]
        if target not in choices:
            raise ConfigurationError(f"routes[{key!r}] = {target!r} is no mode or {service} "
                                     f"backend; use one of {', '.join(choices)}.")
