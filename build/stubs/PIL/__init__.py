"""A stand-in for Pillow in the frozen bundle (build/freeze.py puts it on the search path).

reportlab 5 imports ``PIL.Image`` as it loads (reportlab.lib.utils), but uses it only to
embed raster pictures in a PDF, and the app's PDFs are vector and text only. Real Pillow
would bring ~6 MB of image codecs (JPEG, TIFF, JPEG 2000, XCB) that nothing runs. Any
attempt to use this stand-in fails loudly; tests/system/test_frozen.py exercises every PDF the
app writes, and tests/system/test_pil_free.py runs them with this stand-in in place.
"""
