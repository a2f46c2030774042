"""The Redis channel layer's configuration (scale-out mode)."""

from __future__ import annotations

from channels_redis.core import RedisChannelLayer

from sanaksme.config.settings.base import channel_layers


def test_the_redis_socket_waits_longer_than_the_blocking_pop() -> None:
    config = channel_layers("redis://127.0.0.1:6379/0")["default"]["CONFIG"]

    [host] = config["hosts"]

    # Otherwise a pop that took a message can time out on the socket: a lost event.
    assert host["socket_timeout"] > RedisChannelLayer.brpop_timeout


def test_without_redis_the_layer_is_in_memory() -> None:
    layers = channel_layers("")

    assert layers["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"
