# SPDX-License-Identifier: MIT
# Builds the package's compiled parts with the project's own CMake build (no second list of
# sources): the pybind11 module and the shipped dataset's image, which go into the package beside
# the dataset itself, so that an installed copy needs nothing outside it. Metadata: pyproject.toml.
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the orglineage source tree: bindings/python/../..
DATASET = "nhs-england"


class CMakeBuild(build_ext):
    """Configures the source tree in <root>/build-python (kept between builds, so a second
    install only relinks; beside build/, so that a compiler cache finds the same relative paths),
    builds the module and the image, and copies them (with the dataset) into the package."""

    def build_extension(self, ext):
        if not (ROOT / "CMakeLists.txt").is_file() or not (ROOT / "src").is_dir():
            sys.exit(f"orglineage: build the Python package from the source tree ({ROOT} has no CMakeLists.txt)")
        build = Path(os.environ.get("ORGLINEAGE_PYTHON_BUILD_DIR", ROOT / "build-python")).resolve()
        self.configure(build)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.check_call(["cmake", "--build", str(build), "-j", jobs,
                               "--target", "orglineage_python", "orglineage_data_image"])
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        built = sorted((build / "python" / "orglineage").glob("_orglineage*" + Path(target).suffix))
        if not built:
            sys.exit(f"orglineage: the module was not built in {build / 'python' / 'orglineage'}")
        shutil.copy2(built[0], target)
        self.copy_dataset(build / f"{DATASET}.olimg", target.parent / "data")

    @staticmethod
    def configure(build):
        args = ["cmake", "-S", str(ROOT), "-B", str(build),
                "-DCMAKE_BUILD_TYPE=Release",
                "-DORGLINEAGE_BUILD_PYTHON=ON", "-DORGLINEAGE_BUILD_CLI=ON",  # the CLI compiles the image
                "-DORGLINEAGE_BUILD_TESTS=OFF", "-DORGLINEAGE_BUILD_EXAMPLES=OFF", "-DORGLINEAGE_INSTALL=OFF",
                f"-DPython3_EXECUTABLE={sys.executable}"]
        if shutil.which("ninja") and not (build / "CMakeCache.txt").exists():
            args += ["-G", "Ninja"]
        args += shlex.split(os.environ.get("CMAKE_ARGS", ""))
        subprocess.check_call(args)

    @staticmethod
    def copy_dataset(image, data):
        """The dataset's YAML and tables, and its image beside them (found there by Lineage::load)."""
        source = ROOT / "data" / DATASET
        if data.exists():
            shutil.rmtree(data)
        shutil.copytree(source, data / DATASET, copy_function=shutil.copy2,
                        ignore=lambda d, names: [n for n in names if not (Path(d, n).is_dir() or
                                                 n.endswith((".yaml", ".csv", ".md")))])
        shutil.copy2(image, data / f"{DATASET}.olimg")


setup(ext_modules=[Extension("orglineage._orglineage", sources=[])], cmdclass={"build_ext": CMakeBuild})
