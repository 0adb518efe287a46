"""Build step that pyproject.toml cannot express: the wheel carries the top-level templates/,
static/ and translations/ folders inside the package, with every catalogue compiled (the client's
messages.po and the coordinator's desk's desk.po) and each language's content file."""

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("templates", "static")


class BuildWithSharedFolders(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # An editable install reads the folders from the checkout (see shipped_folder).
            return
        package = Path(self.build_lib, "checklist")
        for name in SHIPPED:
            # Start from an empty folder, so that a file deleted from the checkout leaves the wheel too.
            shutil.rmtree(package / name, ignore_errors=True)
            for source in sorted(Path(name).rglob("*")):
                if source.is_file():
                    target = package / source
                    self.mkpath(str(target.parent))
                    self.copy_file(str(source), str(target))
        for content in sorted(Path("translations").glob("*/content.yaml")):
            self.mkpath(str((package / content).parent))
            self.copy_file(str(content), str(package / content))
        for po_file in sorted(Path("translations").glob("*/LC_MESSAGES/*.po")):
            target = package / po_file.with_suffix(".mo")
            self.mkpath(str(target.parent))
            with po_file.open("rb") as source:
                catalogue = read_po(source)
            with target.open("wb") as compiled:
                write_mo(compiled, catalogue)


setup(cmdclass={"build_py": BuildWithSharedFolders})
