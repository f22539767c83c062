"""Media pipeline: the image model (with credit) and, as it grows, video upload, validation,
transcoding and delivery. Imports no other Storysite app so it can be lifted out as a package."""
