"""Build hook that will put the calculators wheel and the Pyodide runtime into the site."""
