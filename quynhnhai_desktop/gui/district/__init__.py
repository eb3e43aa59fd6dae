"""District mode: import the communes' report files and see who has reported."""
