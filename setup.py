"""What pyproject.toml cannot say: the shipped folders as package data of the wheel.

``assets/`` (presets, lessons, networks, the icon) and the compiled translations live
beside the packages in a checkout; a wheel carries them as ``models/_assets/`` and
``app/_translations/`` (:mod:`models.shipped` and :mod:`app.common.language` look there
first), so that a non-editable ``pip install .`` has presets, lessons and translations.
pyproject.toml's ``[tool.setuptools]`` can find the packages or list them, not both, and
cannot map a folder to a package: hence this file. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

#: Data-only packages of the wheel -> the checkout's folder they are copied from.
DATA_PACKAGES = {"models._assets": "assets", "app._translations": "translations"}
#: What each of them holds (globs inside its folder).
PACKAGE_DATA = {
    "models._assets": ["scenarios/*.toml", "lessons/*.toml", "lessons/*/*.toml",
                       "networks/*", "icons/*"],
    # The compiled catalogues only: the .ts and .po sources stay in the checkout.
    "app._translations": ["*.qm", "*/LC_MESSAGES/*.mo"],
}

if __name__ == "__main__":   # as setuptools' build backend runs it (tests read the tables)
    setup(
        # Every subpackage of models/ and app/ (a plain list of the two would leave them
        # out), and the two folders as data-only packages.
        packages=[*find_packages(include=["models*", "app*"]), *DATA_PACKAGES],
        package_dir=DATA_PACKAGES,
        package_data=PACKAGE_DATA,
    )
