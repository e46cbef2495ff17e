/// The script the preview adds to each page it serves: it listens for rebuilds and errors.
///
/// After a good rebuild has been swapped in, the page reloads and returns to where the reader
/// was; after a failed one, an overlay lists the errors until the next good build.
enum ReloadScript {
    static let source = #"""
        (() => {
          "use strict";
          const key = "briefing-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            const [x, y] = saved.split(",").map(Number);
            window.scrollTo(x, y);
            addEventListener("load", () => window.scrollTo(x, y), { once: true });
          }
          let generation = null;
          const showErrors = (errors) => {
            let overlay = document.getElementById("briefing-errors");
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "briefing-errors";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
                "background:rgba(20,20,24,.94);color:#fff;font:14px/1.5 ui-monospace,monospace";
              const title = document.createElement("h2");
              title.textContent = "Build failed — showing the last good build underneath";
              title.style.cssText = "color:#ff8a80;font:600 18px system-ui,sans-serif;margin:0 0 1rem";
              const list = document.createElement("pre");
              list.id = "briefing-errors-list";
              list.style.cssText = "white-space:pre-wrap;margin:0";
              const hint = document.createElement("p");
              hint.textContent = "Fix the file and save: this page updates by itself.";
              hint.style.cssText = "color:#bbb;font:14px system-ui,sans-serif";
              overlay.append(title, list, hint);
              document.body.append(overlay);
            }
            document.getElementById("briefing-errors-list").textContent = errors.join("\n");
          };
          const source = new EventSource("/__briefing/events");
          source.addEventListener("build", (event) => {
            const state = JSON.parse(event.data);
            if (generation === null) generation = state.generation;
            // Lets tests and curious readers see that the page is listening.
            window.briefingPreview = { generation, errors: state.errors.length };
            if (state.errors.length > 0) {
              showErrors(state.errors);
              return;
            }
            if (state.generation !== generation) {
              sessionStorage.setItem(key, scrollX + "," + scrollY);
              location.reload();
              return;
            }
            document.getElementById("briefing-errors")?.remove();
          });
        })();
        """#
}
