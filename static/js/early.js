/* Runs before the page is drawn (loaded without defer in <head>, a file because the Content
   Security Policy forbids inline scripts): marks that JavaScript runs, and hides the cookie
   banner when a choice is stored. Pages are cached for everyone, so the server cannot do this. */
(function (root) {
    root.classList.replace("no-js", "js");
    if (/(?:^|; )storysite_consent=(?:accepted|declined)/.test(document.cookie)) {
        root.classList.add("consent-given");
    }
})(document.documentElement);
